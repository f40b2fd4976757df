# replace(a, b) replaces every occurrence.
print("a-b-c".replace("-", "+"))
print("aaa".replace("a", "bb"))
print("hello".replace("x", "y"))
print("one two".replace("one ", ""))
# expect: a+b+c
# expect: bbbbbb
# expect: hello
# expect: two
