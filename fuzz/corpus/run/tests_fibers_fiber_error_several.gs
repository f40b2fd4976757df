# Each unjoined failing fiber is reported with its own ID.
spawn { error("one") }
spawn { print("ok fiber") }
spawn { error("three") }
# expect: ok fiber
# expect error: error in fiber 1:
# expect error: one
# expect error: error in fiber 3:
# expect error: three
