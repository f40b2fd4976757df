# Several directives in one format string.
print("%s is %d years, %5.2f%s".format("Bob", 42, 1.5, "!"))
# expect: Bob is 42 years,  1.50!
