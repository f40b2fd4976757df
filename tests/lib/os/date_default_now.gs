# os.date() formats the current time: the year it prints is the year of os.time().
let year = int(os.date("%Y"))
print(year >= 2024, int(os.date("%Y", nil, true)) - year <= 1)
print(os.date("%Y", os.time()) == os.date("%Y"))
# expect: true true
# expect: true
