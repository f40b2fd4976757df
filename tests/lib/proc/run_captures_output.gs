# proc.run returns {code, signal, stdout, stderr} once the child exits; a non-zero exit is not an error.
let r = proc.run(["sh", "-c", "echo out; echo err >&2; exit 3"])
print(r.code)
print(r.signal)
print(r.stdout == "out\n", r.stderr == "err\n")
print(r.keys())
let ok = proc.run(["true"])
print(ok.code, ok.stdout == "", ok.stderr == "")
# expect: 3
# expect: nil
# expect: true true
# expect: ["code", "signal", "stdout", "stderr"]
# expect: 0 true true
