# skip: helper module
let value = 41
