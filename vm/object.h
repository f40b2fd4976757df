/* object.h — heap object layouts. Every object starts with Obj so the GC can
 * walk one intrusive list of everything allocated. */
#ifndef GS_OBJECT_H
#define GS_OBJECT_H

#include "value.h"
#include "table.h"

typedef struct gs_vm VM;
typedef struct Fiber Fiber;

struct Obj {
  Obj *next;       /* all objects, for the sweep */
  uint8_t tag;     /* ValueTag of the object */
  uint8_t marked;
  /* Strings use the header's padding for their hash and its flags, so a
   * string's header is 24 bytes (Lua's too) instead of 32. */
  bool str_hashed, str_interned;
  uint32_t str_hash;
};

/* Strings: immutable, length-prefixed, NUL-terminated for C convenience.
 * Short strings (<= STR_SHORT_MAX) made from bytes and short map keys are
 * interned, so equal ones are the same object; built strings (concatenation,
 * format, ...) and long strings hash lazily (string.c). */
#define STR_SHORT_MAX 40
typedef struct ObjString {
  Obj obj;         /* obj.str_hash, obj.str_hashed, obj.str_interned */
  size_t len;
  char chars[];
} ObjString;

typedef struct ObjList {
  Obj obj;
  Value *items;
  uint32_t count, cap;
} ObjList;

typedef struct ObjMap {
  Obj obj;
  Table t;
} ObjMap;

/* The ints start, start + step, ... before end (step never 0). count is
 * kept unsigned: MIN..MAX holds 2^64 - 1 ints, and a signed difference there
 * overflows; start + i * step for any i below the count is computed the same
 * way. end is only shown (a range made by step() or reversed() gets the one
 * just past its last int). */
typedef struct ObjRange {
  Obj obj;
  int64_t start, end, step;
  uint64_t count;
} ObjRange;

static inline uint64_t range_count(const ObjRange *r) { return r->count; }
static inline int64_t range_at(const ObjRange *r, uint64_t i) {
  return (int64_t)((uint64_t)r->start + i * (uint64_t)r->step);
}

typedef struct {
  uint8_t from_parent_local; /* 1: capture the enclosing function's register; 0: its upvalue */
  uint8_t index;
} UpvalDesc;

/* One per instruction of a function with method calls: INVOKE remembers
 * the method it found for the last receiver kind (a class, or a built-in
 * type's tag), so repeated calls skip the lookup. */
typedef struct InlineCache {
  void *klass;             /* ObjClass* of instances / userdata, or NULL */
  uint8_t tag;             /* receiver tag for built-in types (V_NIL: empty) */
  Value method;
} InlineCache;

/* A compiled function. Immutable once the compiler finishes it (but for its
 * inline caches). */
typedef struct ObjProto {
  Obj obj;
  uint32_t *code;
  int32_t *lines;          /* source line per instruction */
  uint16_t *cols;          /* and column (where its expression starts) */
  int ncode;
  Value *k;                /* constants */
  int nk;
  struct ObjProto **protos;/* nested functions */
  int nprotos;
  UpvalDesc *upvals;
  int nupvals;
  uint8_t nparams;         /* declared parameters, incl. self for methods and the rest param */
  uint8_t nrequired;       /* parameters without a default */
  bool has_rest;
  bool is_method;          /* register 0 is self (not counted by arity messages) */
  uint8_t maxregs;
  ObjString *name;
  ObjString *doc;          /* help(): "(params)" then the `#` lines above `fn`, one per line */
  struct ObjModule *module;
  ObjString *file;         /* name of the chunk it was compiled from, for messages */
  InlineCache *ic;         /* ncode entries when the code has INVOKE, else NULL */
} ObjProto;

typedef struct ObjUpvalue {
  Obj obj;
  Value *v;                /* points into a fiber stack while open, at `closed` after */
  Value closed;
  struct ObjUpvalue *next; /* the owning fiber's open list, sorted by stack slot, high first */
  Fiber *owner;            /* while open: the fiber whose stack it points into */
} ObjUpvalue;

typedef struct ObjClosure {
  Obj obj;
  ObjProto *p;
  struct ObjClass *owner;  /* class a method belongs to, for `super` */
  int nupvals;
  ObjUpvalue *upvals[];
} ObjClosure;

/* Natives get their arguments in place on the VM stack. `args` is only valid
 * until the native calls back into script or pushes (the stack may move):
 * natives that do either re-read args through vm_arg_base(). */
typedef Value (*NativeFn)(VM *vm, int argc, Value *args);

typedef struct ObjNative {
  Obj obj;
  NativeFn fn;
  ObjString *name;
  ObjString *doc;          /* what help() shows: "signature\ndescription"; NULL: none */
  int arity;               /* -1: any (counts self for methods) */
  bool is_method;          /* args[0] is the receiver: not counted in messages */
  bool is_getter;          /* a userdata's computed field: reading ud.name calls it */
  Value self;              /* bound receiver for native methods (nil if none) */
  void *host_fn;           /* a public-API host function, called through a thunk */
  void *userdata;
} ObjNative;

typedef struct ObjBound {
  Obj obj;
  Value receiver;
  Value method;            /* closure or native */
} ObjBound;

typedef struct ObjClass {
  Obj obj;
  ObjString *name;
  struct ObjClass *super;
  Table methods;           /* name -> closure; inherited ones copied down */
  bool methods_shadowed;   /* some instance has a field named like a method */
  Value init;              /* cached `init` method or nil */
  Value str;               /* cached `str` method or nil */
} ObjClass;

typedef struct ObjInstance {
  Obj obj;
  ObjClass *klass;
  Table fields;
} ObjInstance;

typedef struct ObjModule {
  Obj obj;
  ObjString *name;         /* path as given, or the file name for the main script */
  ObjString *file;         /* file name used in error messages */
  Value *vars;             /* module variables, indexed by compile-time slot */
  int nvars, capvars;
  Table names;             /* name -> INT slot index, for exports and the REPL */
  bool loaded;
  struct Fiber *loader;    /* running the top level (not loaded yet) */
  struct Fiber *waiters;   /* other fibers importing it meanwhile (next_wait) */
} ObjModule;

typedef struct ObjUserdata {
  Obj obj;
  struct ObjString *tag;
  const char *type_tag;
  void *data;
  size_t size;
  void (*finalize)(void *data);
  ObjClass *klass;         /* methods, may be NULL */
} ObjUserdata;

#define AS_STRING(v)   ((ObjString *)AS_OBJ(v))
#define AS_CSTR(v)     (((ObjString *)AS_OBJ(v))->chars)
#define AS_LIST(v)     ((ObjList *)AS_OBJ(v))
#define AS_MAP(v)      ((ObjMap *)AS_OBJ(v))
#define AS_RANGE(v)    ((ObjRange *)AS_OBJ(v))
#define AS_PROTO(v)    ((ObjProto *)AS_OBJ(v))
#define AS_CLOSURE(v)  ((ObjClosure *)AS_OBJ(v))
#define AS_NATIVE(v)   ((ObjNative *)AS_OBJ(v))
#define AS_BOUND(v)    ((ObjBound *)AS_OBJ(v))
#define AS_CLASS(v)    ((ObjClass *)AS_OBJ(v))
#define AS_INSTANCE(v) ((ObjInstance *)AS_OBJ(v))
#define AS_MODULE(v)   ((ObjModule *)AS_OBJ(v))
#define AS_FIBER(v)    ((Fiber *)AS_OBJ(v))
#define AS_USERDATA(v) ((ObjUserdata *)AS_OBJ(v))

#define STR_VAL(s)     OBJ_VAL(V_STRING, s)
#define LIST_VAL(l)    OBJ_VAL(V_LIST, l)
#define MAP_VAL(m)     OBJ_VAL(V_MAP, m)

/* allocation (object.c) */
void *obj_alloc(VM *vm, size_t size, ValueTag tag);
/* Only the first head bytes zeroed: the caller writes the rest at once. */
void *obj_alloc_head(VM *vm, size_t size, size_t head, ValueTag tag);
ObjList *list_new(VM *vm, uint32_t cap);
void list_push(VM *vm, ObjList *l, Value v);
void list_reserve(VM *vm, ObjList *l, uint32_t cap);
ObjMap *map_new(VM *vm);
ObjRange *range_new(VM *vm, int64_t a, int64_t b);                 /* a..b */
ObjRange *range_new_step(VM *vm, int64_t a, int64_t b, int64_t step);  /* step != 0 */
ObjProto *proto_new(VM *vm);
ObjClosure *closure_new(VM *vm, ObjProto *p);
ObjUpvalue *upvalue_new(VM *vm, Value *slot);
ObjNative *native_new(VM *vm, NativeFn fn, const char *name, int arity);
/* Attach help()'s text (copied; NULL: none). */
void native_set_doc(VM *vm, ObjNative *n, const char *doc);
ObjBound *bound_new(VM *vm, Value receiver, Value method);
ObjClass *class_new(VM *vm, ObjString *name);
ObjInstance *instance_new(VM *vm, ObjClass *k);
ObjModule *module_new(VM *vm, ObjString *name, ObjString *file);
int module_add_var(VM *vm, ObjModule *m, ObjString *name);
void obj_free(VM *vm, Obj *o);

/* strings (string.c) */
ObjString *str_new(VM *vm, const char *chars, size_t len);  /* interned when short */
ObjString *str_cstr(VM *vm, const char *chars);
ObjString *str_interned(VM *vm, ObjString *s);  /* s's interned twin (s itself when it has none) */
ObjString *str_take_buffer(VM *vm, ObjString *s); /* finish a string built in place (not interned) */
ObjString *str_alloc(VM *vm, size_t len);         /* uninitialised chars; finish with str_take_buffer */
void strset_free(VM *vm);                          /* the intern set's memory, at VM teardown */
ObjString *str_concat(VM *vm, ObjString *a, ObjString *b);
ObjString *str_format(VM *vm, const char *fmt, ...);
uint32_t str_hash_slow(ObjString *s);
/* the hash is computed once, on first use */
static inline uint32_t str_hash(ObjString *s) { return s->obj.str_hashed ? s->obj.str_hash : str_hash_slow(s); }
uint32_t hash_bytes(const char *p, size_t n);
static inline bool str_eq(ObjString *a, ObjString *b) {
  extern int memcmp(const void *, const void *, size_t);
  if (a == b) return true;
  if (a->obj.str_interned && b->obj.str_interned) return false;
  return a->len == b->len && memcmp(a->chars, b->chars, a->len) == 0;
}

#endif
