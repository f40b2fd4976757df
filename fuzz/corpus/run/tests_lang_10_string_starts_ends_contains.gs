# starts_with, ends_with and contains return bools.
print("hello".starts_with("he"), "hello".starts_with("lo"))
print("hello".ends_with("lo"), "hello".ends_with("he"))
print("hello".contains("ell"), "hello".contains("xyz"))
# expect: true false
# expect: true false
# expect: true false
