# A price list from CSV-like text: lines, strip, split, pad_left/pad_right
# (which count characters, so accented names line up) and the utf8 module.
let data = "
  Crème brûlée ; 6.5
  Tea          ; 2
  Smørrebrød   ; 11.25
"
let rows = []
for line in data.lines() {
  if line.is_space() or line == "" { continue }
  let [name, price] = line.split(";").map(fn(f) => f.strip())
  rows.push([name, float(price)])
}
let width = rows.map(fn(r) => utf8.len(r[0])).reduce(fn(a, b) => math.max(a, b), 0)
for [name, price] in rows {
  print(name.pad_right(width, ".") + "%6.2f".format(price).pad_left(8))
}
let initials = rows.map(fn(r) => utf8.sub(r[0], 0, 1)).join("")
print("initials:", initials, utf8.codepoints(initials))
print("e and è in the first name:", rows[0][0].count("e") + rows[0][0].count("è"))
# expect: Crème brûlée    6.50
# expect: Tea.........    2.00
# expect: Smørrebrød..   11.25
# expect: initials: CTS [67, 84, 83]
# expect: e and è in the first name: 3
