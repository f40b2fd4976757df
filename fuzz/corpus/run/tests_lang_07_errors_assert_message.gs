# assert(cond, message) reports the message.
assert(nil, "custom failure text")
# expect error: custom failure text
