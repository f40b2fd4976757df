# replace with a string: $1, ${1}, ${name} and $$ are expanded; count limits the replacements.
let rx = re.compile("(?<key>\\w+)=(\\w+)")
print(rx.replace("a=1 b=2", "$2=$1"))
print(rx.replace("a=1 b=2", '${key}:${2}$$'))
print(rx.replace("a=1 b=2 c=3", "<$0>", 2))
print(re.replace("o", "foo boo", "0"), re.replace("o", "foo", "0", 1))
print(re.replace("(x)?y", "y", "[$1]"))
try { rx.replace("a=1", "$3") } catch e { print(e.message.starts_with("regex replacement:"), e.kind) }
# expect: 1=a 2=b
# expect: a:1$ b:2$
# expect: <a=1> <b=2> c=3
# expect: f00 b00 f0o
# expect: []
# expect: true value
