# Int-valued float keys find int entries and the other way round.
let m = {}
m[3] = "three"
m[0.5] = "half"
print(m[3.0], m[0.5], m.has(3.0), m.get(3.0, "none"), len(m))
# expect: three half true three 2
