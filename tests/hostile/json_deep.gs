# Hostile input: JSON nested a million deep — arrays, objects, a mix, and
# unclosed — makes json.decode raise a catchable error quickly (no C
# recursion, no crash); encoding a value nested 100 000 deep raises too, and
# printing it does not crash.
# slow
fn t(what, s) {
  try { json.decode(s); print(what, "decoded") } catch e { print(what, "error") }
}
t("arrays", "[".repeat(1000000) + "]".repeat(1000000))
t("objects", '{"a":'.repeat(1000000) + "1" + "}".repeat(1000000))
t("mixed", '[{"a":'.repeat(500000) + "1" + "}]".repeat(500000))
t("unclosed", "[".repeat(1000000))
t("closers", "]".repeat(1000000))
t("string", '"' + "\\u0000".repeat(100000))
let deep = []
for i in 0..100000 { deep = [deep] }
try { json.encode(deep) } catch e { print("encode error") }
try { json.encode(deep, 2) } catch e { print("encode indent error") }
print(len(str(deep)) > 0)
# expect: arrays error
# expect: objects error
# expect: mixed error
# expect: unclosed error
# expect: closers error
# expect: string error
# expect: encode error
# expect: encode indent error
# expect: true
