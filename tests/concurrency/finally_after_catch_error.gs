# An error raised in the catch block still runs finally, then propagates.
try {
  try { error("first") } catch e { error("from catch: " + e.message) } finally { print("finally") }
} catch e { print(e.message) }
# expect: finally
# expect: from catch: first
