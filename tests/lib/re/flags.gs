# re.compile flags: i (ignore case), m (^ $ at lines), s (. matches newline), x (spaces and comments ignored), u (UTF-8 characters).
print(re.compile("abc", "i").search("xABCx").text)
print(re.compile("^b$", "m").search("a\nb\nc").start())
print(re.compile("a.b", "s").search("a\nb") != nil, re.compile("a.b").search("a\nb"))
print(re.compile("a b  # comment\n c", "x").search("abc").text)
print(len(re.compile("^.$", "u").search("é").text), re.compile("^.$").search("é"))
print(re.compile("\\w+", "u").search("été!").text, re.compile("É", "iu").search("é").text)
let rx = re.compile("x", "im")
print(rx.flags, rx)
# expect: ABC
# expect: 2
# expect: true nil
# expect: abc
# expect: 2 nil
# expect: été é
# expect: im <regex "x" im>
