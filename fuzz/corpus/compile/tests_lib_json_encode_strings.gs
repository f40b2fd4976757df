# Strings escape quote, backslash and control characters; other bytes pass through.
print(json.encode("a\"b\\c/d"))
print(json.encode("\n\r\t\x08\x0c"))
print(json.encode("\x00\x01\x1f"), json.encode("\x7f").bytes())
print(json.encode("héllo €"))
print(json.encode({"k\ney": "v"}))
# expect: "a\"b\\c/d"
# expect: "\n\r\t\b\f"
# expect: "\u0000\u0001\u001f" [34, 127, 34]
# expect: "héllo €"
# expect: {"k\ney":"v"}
