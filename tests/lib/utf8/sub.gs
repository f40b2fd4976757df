# utf8.sub(s, i, j?) is characters i up to (not including) j, 0-based; without j, to the end.
let s = "héllo wörld"
print(utf8.sub(s, 0, 5), utf8.sub(s, 6), utf8.sub(s, 1, 2), utf8.sub(s, 1, nil))
# expect: héllo wörld é éllo wörld
