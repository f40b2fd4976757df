# Without a function any() and all() test the elements' truth (only nil and false are false).
print([nil, false, 0].any(), [nil, false].any())
print([0, "", []].all(), [1, nil].all())
# expect: true false
# expect: true false
