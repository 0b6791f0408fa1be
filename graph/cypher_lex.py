"""An allow-list reader of user Cypher: what it cannot classify, it refuses.

The old guard blanked literals and comments and looked for forbidden words; it
failed where its idea of the language and the store's grammar disagreed (a
comment form closed differently, a keyword glued to a backticked name). This
one never has to agree on the hard parts, because it does not accept them:

- no comments of any form, no backslash anywhere (no escapes to interpret
  differently), nothing but ASCII outside string literals, no doubled quotes
  or backticks (the escape forms grammars disagree on), balanced brackets;
- every bare word is either an allowed keyword, a refused word (named in
  the error; allowed only as a property key glued to its dot, ``r.start``),
  a function name from the allow-list (a word before ``(``), or a name
  (variable, label, property);
- ``CALL`` only of a listed catalogue procedure or a ``{ }`` subquery;
- functions that build values of a caller-chosen size (``range``) need
  literal or parameter sizes, and their product is bounded: such a call runs
  inside one operator, where neither store's timeout can stop it.

Refusing some valid reads (a property called ``set`` must be backticked) is
the price; a write, a file access or a setting must never pass.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hdkg.errors import QueryError

#: The read subset: clauses, operators spelled as words, literals.
KEYWORDS = frozenset(
    {
        *("MATCH", "OPTIONAL", "WHERE", "WITH", "UNWIND", "AS", "RETURN", "DISTINCT", "ORDER", "BY"),
        *("ASC", "ASCENDING", "DESC", "DESCENDING", "SKIP", "LIMIT", "UNION", "ALL", "CALL", "YIELD"),
        *("AND", "OR", "XOR", "NOT", "IN", "IS", "NULL", "TRUE", "FALSE", "CASE", "WHEN", "THEN"),
        *("ELSE", "END", "STARTS", "ENDS", "CONTAINS", "EXISTS", "COUNT", "ANY", "NONE", "SINGLE"),
        *("SHORTEST", "ALL_SHORTEST", "NAN", "INF"),
    }
)
#: Words of either dialect that write, touch files, change settings or administer the server.
REFUSED = frozenset(
    {
        *("CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "FOREACH", "TRANSACTIONS"),
        *("LOAD", "COPY", "INSTALL", "UNINSTALL", "EXPORT", "IMPORT", "ATTACH", "USE"),
        *("CHECKPOINT", "ALTER", "RENAME", "GRANT", "DENY", "REVOKE", "START", "STOP", "TERMINATE"),
        *("SHOW", "BEGIN", "COMMIT", "ROLLBACK", "ENABLE", "DISABLE", "UPDATE", "INSERT", "UPSERT"),
        *("TRUNCATE", "PROFILE", "EXPLAIN", "FROM", "CSV", "PERIODIC", "DATABASE", "DBMS", "USER"),
        *("USERS", "ROLE", "ROLES", "PRIVILEGES", "EXTENSION", "SEQUENCE", "MACRO", "PROJECT", "GRAPH"),
        *("REDUCE", "FINISH", "FILTER", "EXTRACT", "ON"),
    }
)
#: Pure functions of both dialects (lower-case), taking bounded work per row.
FUNCTIONS = frozenset(
    {
        *("count", "sum", "avg", "min", "max", "collect", "stdev", "stdevp", "percentilecont"),
        *("percentiledisc", "size", "length", "labels", "label", "type", "id", "elementid", "keys"),
        *("properties", "coalesce", "tostring", "tointeger", "tofloat", "toboolean", "tolower"),
        *("toupper", "lower", "upper", "trim", "ltrim", "rtrim", "substring", "substr", "left"),
        *("right", "replace", "split", "reverse", "head", "last", "tail", "nodes", "relationships"),
        *("rels", "startnode", "endnode", "abs", "ceil", "floor", "round", "sign", "sqrt", "exp"),
        *("log", "log10", "exists", "date", "year", "month", "day", "isempty", "concat"),
        *("starts_with", "ends_with", "contains", "list_contains", "list_concat", "list_extract"),
        *("list_element", "list_len", "list_sort", "list_distinct", "list_unique", "array_length"),
        *("string_split", "prefix", "suffix", "regexp_matches", "to_int64", "to_double", "cast"),
        *("offset", "range", "all", "any", "none", "single", "exists", "count", "isnan", "e", "pi"),
    }
)
#: Dotted pure functions (Neo4j temporal constructors); any other dotted call is refused.
DOTTED_FUNCTIONS = frozenset({"date.truncate", "datetime.truncate", "duration.between", "duration.inmonths"})
#: Procedures a query may CALL (Neo4j schema listing, LadybugDB catalogue functions).
READ_PROCEDURES = frozenset(
    {
        *("db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization"),
        *("db.schema.nodetypeproperties", "db.schema.reltypeproperties", "show_tables", "table_info"),
        *("db_version",),
    }
)
#: ``name(start, end[, step])`` functions whose result size the caller chooses.
SIZED_FUNCTIONS = frozenset({"range"})
#: The largest value the sized functions of one query may build together (list elements).
MAX_VALUE_SIZE = 1_000_000

_TOKEN = re.compile(
    r"""(?P<space>[ \t\r\n]+)
      |(?P<str>'[^'\\\n]*'|"[^"\\\n]*")
      |(?P<tick>`[^`\\\n]+`)
      |(?P<param>\$[A-Za-z_][A-Za-z0-9_]*)
      |(?P<num>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)
      |(?P<word>[A-Za-z_][A-Za-z0-9_]*)
      |(?P<op><>|<=|>=|=~|->|<-|\.\.|\+=|[-+*/%^=<>(){}\[\],.:|;])""",
    re.VERBOSE,
)
_COMMENTS = ("//", "/*", "*/", "--")
_PAIRS = {")": "(", "]": "[", "}": "{"}


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int


def _refuse(message: str, at: int) -> QueryError:
    return QueryError(f"{message} (character {at}); the query was refused", where="query")


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` without spaces; raises on anything outside the accepted forms."""
    for form in _COMMENTS:
        at = _outside_strings(text, form)
        if at >= 0:
            raise _refuse(f"comments are not accepted ({form!r})", at)
    if "\\" in text:
        raise _refuse("backslashes are not accepted", text.index("\\"))
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            raise _refuse(f"unexpected {text[pos]!r}", pos)
        kind = m.lastgroup or ""
        if kind != "space":
            if (
                tokens
                and kind in {"str", "tick"}
                and tokens[-1].kind == kind
                and tokens[-1].start + len(tokens[-1].text) == m.start()
            ):
                raise _refuse("doubled quotes or backticks are not accepted", m.start())
            if (
                kind in {"num", "param"}
                and m.end() < len(text)
                and (text[m.end()].isalnum() or text[m.end()] == "_")
            ):
                raise _refuse(f"a name glued to {m.group()!r}", m.end())
            tokens.append(Token(kind, m.group(), m.start()))
        pos = m.end()
    return tokens


def _outside_strings(text: str, form: str) -> int:
    """Where ``form`` first occurs outside quotes and backticks, or -1."""
    quote = ""
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"`":
            quote = ch
        elif text.startswith(form, i):
            return i
    return -1


def check(text: str, params: Mapping[str, Any] | None = None) -> str:
    """``text`` as one read statement to run (trailing ``;`` dropped), or a ``QueryError`` naming why not."""
    if not text.strip():
        raise QueryError("the query is empty", where="query")
    tokens = tokenize(text)
    while tokens and tokens[-1].text == ";":
        tokens.pop()
    if not tokens:
        raise QueryError("the query is empty", where="query")
    _check_brackets(tokens)
    size = 1
    for i, tok in enumerate(tokens):
        if tok.kind == "op" and tok.text == ";":
            raise _refuse("only one statement is allowed (found ';')", tok.start)
        if tok.kind != "word":
            continue
        upper = tok.text.upper()
        if upper in REFUSED and not _is_property_key(tokens, i):
            raise _refuse(f"{upper} is not allowed: this endpoint runs read-only queries", tok.start)
        if upper == "CALL":
            _check_call(tokens, i)
        elif _is_call(tokens, i) and upper not in KEYWORDS:
            name = _dotted_name(tokens, i)
            lowered = name.lower()
            if "." in name and lowered not in DOTTED_FUNCTIONS | READ_PROCEDURES:
                raise _refuse(f"function {name} is not allowed", tok.start)
            if "." not in name and lowered not in FUNCTIONS:
                raise _refuse(f"function {name} is not allowed", tok.start)
            if lowered in SIZED_FUNCTIONS:
                size *= _sized_call(tokens, i, params or {})
                if size > MAX_VALUE_SIZE:
                    raise _refuse(f"{name}() would build more than {MAX_VALUE_SIZE:,} values", tok.start)
    return text[: tokens[-1].start + len(tokens[-1].text)].strip()


def _is_property_key(tokens: list[Token], i: int) -> bool:
    """``x.start``: a word glued to a ``.`` that follows a name or a closing bracket is a property key.

    Every grammar reads it so (a clause cannot start there), which lets users
    write ``r.start`` over the graph's own properties. A number before the dot
    does not count: ``1.`` may lex as a float, freeing the word.
    """
    if i < 2 or tokens[i - 1].text != "." or tokens[i - 1].start + 1 != tokens[i].start:
        return False
    before = tokens[i - 2]
    return before.kind in {"word", "tick", "param"} or before.text in {")", "]", "}"}


def _check_brackets(tokens: list[Token]) -> None:
    stack: list[Token] = []
    for tok in tokens:
        if tok.kind != "op":
            continue
        if tok.text in "([{":
            stack.append(tok)
        elif tok.text in _PAIRS:
            if not stack or stack[-1].text != _PAIRS[tok.text]:
                raise _refuse(f"unbalanced {tok.text!r}", tok.start)
            stack.pop()
    if stack:
        raise _refuse(f"unclosed {stack[-1].text!r}", stack[-1].start)


def _is_call(tokens: list[Token], i: int) -> bool:
    """A word (possibly the last part of ``a.b.c``) directly followed by ``(``, and not a label."""
    j = i
    while j + 2 < len(tokens) and tokens[j + 1].text == "." and tokens[j + 2].kind == "word":
        j += 2
    if j + 1 >= len(tokens) or tokens[j + 1].text != "(":
        return False
    return not (i > 0 and tokens[i - 1].text in {".", ":", "|"})


def _dotted_name(tokens: list[Token], i: int) -> str:
    parts = [tokens[i].text]
    j = i
    while j + 2 < len(tokens) and tokens[j + 1].text == "." and tokens[j + 2].kind == "word":
        parts.append(tokens[j + 2].text)
        j += 2
    return ".".join(parts)


def _check_call(tokens: list[Token], i: int) -> None:
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None:
        raise _refuse("CALL needs a procedure or a { } subquery", tokens[i].start)
    if nxt.text in {"{", "("}:
        return  # a subquery: its words are checked like the rest (TRANSACTIONS is refused)
    name = _dotted_name(tokens, i + 1) if nxt.kind == "word" else nxt.text
    j = i + 1 + 2 * name.count(".")
    if name.lower() not in READ_PROCEDURES or j + 1 >= len(tokens) or tokens[j + 1].text != "(":
        raise _refuse(
            f"CALL {name} is not allowed: only these procedures may be called: {', '.join(sorted(READ_PROCEDURES))}",
            nxt.start,
        )


def _sized_call(tokens: list[Token], i: int, params: Mapping[str, Any]) -> int:
    """The number of values ``range(a, b[, s])`` builds; its arguments must be literals or parameters."""
    args: list[list[Token]] = [[]]
    depth = 0
    for tok in tokens[i + 2 :]:
        if tok.text in "([{":
            depth += 1
        elif tok.text in ")]}":
            if depth == 0:
                break
            depth -= 1
        if tok.text == "," and depth == 0:
            args.append([])
        else:
            args[-1].append(tok)
    values = [_int_value(arg, params, tokens[i]) for arg in args]
    if len(values) not in (2, 3):
        raise _refuse(f"{tokens[i].text}() takes 2 or 3 arguments", tokens[i].start)
    start, end = values[0], values[1]
    step = values[2] if len(values) == 3 else 1
    if step == 0:
        raise _refuse(f"{tokens[i].text}() with step 0", tokens[i].start)
    return max(0, (end - start) // step + 1)


def _int_value(arg: list[Token], params: Mapping[str, Any], at: Token) -> int:
    sign = 1
    if len(arg) == 2 and arg[0].text == "-":
        sign, arg = -1, arg[1:]
    if len(arg) == 1 and arg[0].kind == "num" and arg[0].text.isdigit():
        return sign * int(arg[0].text)
    if len(arg) == 1 and arg[0].kind == "param":
        value = params.get(arg[0].text[1:])
        if isinstance(value, int) and not isinstance(value, bool):
            return sign * value
    raise _refuse(f"{at.text}() needs integer literals or integer parameters as sizes", at.start)
