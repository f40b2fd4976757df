# strip(chars) removes any of those characters from both ends, in any order; lstrip/rstrip from one end.
print("xyhixyx".strip("xy"), "..,a.b,.".strip(".,"), "--a--".lstrip("-"), "--a--".rstrip("-"))
print("[" + "aaa".strip("a") + "]", "[" + "  a  ".strip("") + "]", "abc".strip("xyz"))
# expect: hi a.b a-- --a
# expect: [] [  a  ] abc
