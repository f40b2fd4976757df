# A name declared in a block is not visible after the block.
if true {
  let inner = 1
}
print(inner)
# expect error: block_scope_ends.gs:5:
# expect error: undefined variable 'inner'
# expect no output
