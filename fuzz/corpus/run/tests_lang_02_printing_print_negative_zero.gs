# -0.0 formats as "-0", which looks like an integer, so ".0" is added.
print(0.0 * -1)
# expect: -0.0
