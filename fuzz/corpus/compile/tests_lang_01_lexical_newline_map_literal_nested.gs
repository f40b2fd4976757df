# A multi-line map literal may nest lists and maps and end with a comma.
let n = {
  "x": [1,
        2],
  "y": {
    "z": 3
  },
}
print(n)
# expect: {"x": [1, 2], "y": {"z": 3}}
