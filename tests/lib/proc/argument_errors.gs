# Bad arguments to proc.run and proc.start are reported before anything is started.
try { proc.run([]) } catch e { print(e.message) }
try { proc.run("ls") } catch e { print(e.message) }
try { proc.run(["ls", 1]) } catch e { print(e.message) }
try { proc.start(["ls"], {"stdout": "file"}) } catch e { print(e.message) }
try { proc.run(["ls"], {"stdout": "pipe"}) } catch e { print(e.message) }
try { proc.run(["ls"], {"stdin": 5}) } catch e { print(e.message) }
try { proc.run(["ls"], 3) } catch e { print(e.message) }
# expect: proc.run(): argv is empty
# expect: proc.run() argument 1 must be a list of strings, not string
# expect: proc.run(): argv[1] must be a string, not int
# expect: proc.start(): option 'stdout' must be "pipe", "inherit" or "null"
# expect: proc.run(): unknown option 'stdout'
# expect: proc.run(): option 'stdin' must be a string to feed
# expect: proc.run() argument 2 must be a map of options, not int
