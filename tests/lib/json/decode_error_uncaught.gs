# An uncaught decode error reports the line and the position.
let text = '{"a": [1, 2], x}'
json.decode(text)
# expect error: decode_error_uncaught.gs:3:1: json.decode: unexpected character 'x' at position 14
