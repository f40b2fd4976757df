# An empty map literal may span lines too.
let m = {
}
print(m, len(m))
# expect: {} 0
