# Only the chosen branch of `?:` is evaluated.
fn say(s) { print(s); return s }
let r = true ? say("then") : say("else")
let q = false ? say("then") : say("else")
# expect: then
# expect: else
