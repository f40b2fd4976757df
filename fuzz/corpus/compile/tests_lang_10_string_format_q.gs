# format: %q writes a quoted string.
print("%q".format("hi"))
# expect: "hi"
