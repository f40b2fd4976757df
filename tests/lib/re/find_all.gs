# find_all gives the matched strings, or one list of groups per match when the pattern has groups.
print(re.find_all("[0-9]+", "a1 b22 c333"))
print(re.find_all("(\\w)=(\\d)", "a=1, b=2"))
print(re.find_all("(\\w)=", "a=1 b=2"))
print(re.find_all("x(y)?", "x xy"))
print(re.find_all("z", "abc"))
# expect: ["1", "22", "333"]
# expect: [["a", "1"], ["b", "2"]]
# expect: [["a"], ["b"]]
# expect: [[nil], ["y"]]
# expect: []
