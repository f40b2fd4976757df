# Empty containers.
print([], {}, [[]], {"e": {}}, [{}])
# expect: [] {} [[]] {"e": {}} [{}]
