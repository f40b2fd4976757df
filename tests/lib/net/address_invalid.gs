# A malformed address raises kind "address_invalid" before any system call.
for a in ["nope", "1.2.3.4:99999", "::1:80", "127.0.0.1:"] {
  try { net.connect(a) } catch e { print(e.kind) }
}
# expect: address_invalid
# expect: address_invalid
# expect: address_invalid
# expect: address_invalid
