# utf8.sub clamps indexes past either end and gives "" when j is not after i, like slices (never raises for them).
let s = "héllo"
print(utf8.sub(s, -100, 2), utf8.sub(s, 3, 100), "[" + utf8.sub(s, 10) + "]", "[" + utf8.sub(s, 3, 1) + "]", "[" + utf8.sub("", 0, 1) + "]")
# expect: hé lo [] [] []
