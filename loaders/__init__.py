"""hdkg: loaders."""
