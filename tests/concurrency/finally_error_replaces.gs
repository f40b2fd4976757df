# An error raised inside finally replaces the pending one.
try {
  try { error("pending") } finally { error("replacement") }
} catch e { print(e.message) }
# expect: replacement
