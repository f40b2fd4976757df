# Scalars encode as JSON literals, numbers and strings.
print(json.encode(nil), json.encode(true), json.encode(false))
print(json.encode(0), json.encode(-42), json.encode(9223372036854775807))
print(json.encode("hi"), json.encode(""))
print(type(json.encode(1)))
# expect: null true false
# expect: 0 -42 9223372036854775807
# expect: "hi" ""
# expect: string
