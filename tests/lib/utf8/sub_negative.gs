# utf8.sub counts negative indexes from the end, like slices.
let s = "añ€😀"
print(utf8.sub(s, -1), utf8.sub(s, -3, -1), utf8.sub(s, 0, -2), utf8.sub(s, nil, 2))
# expect: 😀 ñ€ añ añ
