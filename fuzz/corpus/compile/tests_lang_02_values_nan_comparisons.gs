# NaN compares unequal to everything, itself included.
let inf = 1e308 * 10
let nan = inf - inf
print(nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan, nan == 1)
# expect: false true false false false false
