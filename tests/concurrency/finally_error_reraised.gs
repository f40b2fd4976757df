# After an error, finally runs and the error is raised again.
try {
  try { error("boom") } finally { print("cleanup") }
  print("not reached")
} catch e { print("caught", e.message) }
# expect: cleanup
# expect: caught boom
