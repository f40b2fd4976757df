# for over a list gives its values.
for v in [10, "x", nil] { print(v) }
for v in [] { print("never") }
# expect: 10
# expect: x
# expect: nil
