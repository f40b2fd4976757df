/* switch_x86_64.S — GreenScript fiber context switch, System V AMD64.
 *
 *   void coro__swap(void **save_sp, void *new_sp, uint64_t *fp_now);        (hidden)
 *   void coro__swap_known(void **save_sp, void *new_sp, uint64_t *fp_now);  (hidden)
 *   void coro__call_on(void *stack_top, void (*fn)(void *), void *arg);      (hidden)
 *   void coro__jump(void *new_sp, uint64_t *fp_now);                          (hidden)
 *
 * Saves exactly what the ABI makes callee-saved — rbx, rbp, r12-r15, rsp,
 * the MXCSR control/status word and the x87 control word — on the current
 * stack, stores rsp in *save_sp, loads new_sp and restores the same frame
 * from there. Suspended frame, from the saved sp upwards (64 bytes; the saved
 * sp is always 16-byte aligned):
 *
 *     sp+0   x87 control word (2 bytes)     sp+4  MXCSR (4 bytes)
 *     sp+8   r15     sp+16  r14     sp+24  r13     sp+32  r12
 *     sp+40  rbx     sp+48  rbp     sp+56  return address
 *
 * coro/coro.c builds this same frame by hand for a new coroutine with the
 * return address = coro__trampoline, r12 = the Coro *, rbp = 0.
 *
 * All switches go through this one function, called from two places:
 * coro_switch in coro/coro.c (natives, the scheduler) and the interpreter's
 * generator hand-over (coro_switch_inline in coro/coro.h, inlined once into
 * the dispatch loop). A resume/yield pair between script frames switches at
 * the interpreter's site on both stacks, so the `ret` below returns to the
 * call site the return stack buffer predicts.
 *
 * The MXCSR and x87 control words are always saved (read, or taken from
 * *fp_now when the caller knows them) but only loaded when the new side's
 * control bits differ; MXCSR's status flags are not callee-saved and may
 * carry over.
 *
 * No .note.gnu.property is emitted on purpose: a stack switch like this one
 * is incompatible with the CET shadow stack, so a binary containing it must
 * not be marked SHSTK-compatible.
 */
#if !defined(__x86_64__)
#error "switch_x86_64.S is for x86_64 only"
#endif

	.text

/* Push the callee-saved registers and make room for the control words:
 * the 64-byte frame described above, with CFI for each step. */
.macro PUSH_FRAME
	pushq	%rbp
	.cfi_adjust_cfa_offset 8
	.cfi_rel_offset %rbp, 0
	pushq	%rbx
	.cfi_adjust_cfa_offset 8
	.cfi_rel_offset %rbx, 0
	pushq	%r12
	.cfi_adjust_cfa_offset 8
	.cfi_rel_offset %r12, 0
	pushq	%r13
	.cfi_adjust_cfa_offset 8
	.cfi_rel_offset %r13, 0
	pushq	%r14
	.cfi_adjust_cfa_offset 8
	.cfi_rel_offset %r14, 0
	pushq	%r15
	.cfi_adjust_cfa_offset 8
	.cfi_rel_offset %r15, 0
	subq	$8, %rsp
	.cfi_adjust_cfa_offset 8
.endm

/* Pop the same frame (from the new stack, which has the same layout, so
 * the CFI stays valid) and return into the resumed side. */
.macro POP_FRAME_RET
	addq	$8, %rsp
	.cfi_adjust_cfa_offset -8
	popq	%r15
	.cfi_adjust_cfa_offset -8
	.cfi_restore %r15
	popq	%r14
	.cfi_adjust_cfa_offset -8
	.cfi_restore %r14
	popq	%r13
	.cfi_adjust_cfa_offset -8
	.cfi_restore %r13
	popq	%r12
	.cfi_adjust_cfa_offset -8
	.cfi_restore %r12
	popq	%rbx
	.cfi_adjust_cfa_offset -8
	.cfi_restore %rbx
	popq	%rbp
	.cfi_adjust_cfa_offset -8
	.cfi_restore %rbp
	ret
.endm

/* The control bits compared between two frames' control words (as one
 * 8-byte word: x87 control word in bytes 0-1, bytes 2-3 unused, MXCSR in
 * bytes 4-7 without its status flags, which are not callee-saved). fldcw
 * and ldmxcsr are slow, so they run only when these differ (rare). */
#define FP_CONTROL_MASK 0x0000ffc00000ffff

/* void coro__swap(void **save_sp, void *new_sp, uint64_t *fp_now)
 * Reads the control words with stmxcsr/fnstcw. On return *fp_now holds the
 * resumed side's saved control words, which are then in effect. */
	.globl	coro__swap
	.hidden	coro__swap
	.type	coro__swap, @function
	.p2align 4
coro__swap:
	.cfi_startproc
	endbr64
	PUSH_FRAME
	stmxcsr	4(%rsp)
	fnstcw	(%rsp)
	movq	%rsp, (%rdi)		/* save the old stack pointer */
	movq	%rsp, %rcx
	movq	%rsi, %rsp		/* switch */
	movq	(%rsp), %rax		/* the resumed side's control words */
	movq	(%rcx), %r8
	xorq	%rax, %r8
	movabsq	$FP_CONTROL_MASK, %r9
	testq	%r9, %r8
	jnz	.Lswap_load
.Lswap_done:
	movq	%rax, (%rdx)
	.cfi_remember_state
	POP_FRAME_RET
	.cfi_restore_state
.Lswap_load:
	fldcw	(%rsp)
	ldmxcsr	4(%rsp)
	jmp	.Lswap_done
	.cfi_endproc
	.size	coro__swap, .-coro__swap

/* void coro__swap_known(void **save_sp, void *new_sp, uint64_t *fp_now)
 * The same switch for a caller that knows the control words in effect are
 * *fp_now (no C code that could change them ran since the last switch):
 * stores those instead of reading them. stmxcsr waits for every older
 * instruction to finish (it must see their exception flags); skipping it
 * makes a generator round trip about 10% cheaper. */
	.globl	coro__swap_known
	.hidden	coro__swap_known
	.type	coro__swap_known, @function
	.p2align 4
coro__swap_known:
	.cfi_startproc
	endbr64
	PUSH_FRAME
	movq	(%rdx), %rax
	movq	%rax, (%rsp)
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp		/* switch */
	movq	(%rsp), %rcx		/* the resumed side's control words */
	xorq	%rcx, %rax
	movabsq	$FP_CONTROL_MASK, %r9
	testq	%r9, %rax
	jnz	.Lknown_load
.Lknown_done:
	.cfi_remember_state
	POP_FRAME_RET
	.cfi_restore_state
.Lknown_load:
	fldcw	(%rsp)
	ldmxcsr	4(%rsp)
	movq	%rcx, (%rdx)
	jmp	.Lknown_done
	.cfi_endproc
	.size	coro__swap_known, .-coro__swap_known

/* void coro__jump(void *new_sp, uint64_t *fp_now)   (never returns)
 * The switch away from a finished coroutine: nothing of it is saved. The
 * resumed side's control words are loaded unconditionally and stored in
 * *fp_now: fldcw and ldmxcsr cost about a nanosecond each here, where the
 * stmxcsr needed to compare with ours costs ~17 ns. */
	.globl	coro__jump
	.hidden	coro__jump
	.type	coro__jump, @function
	.p2align 4
coro__jump:
	.cfi_startproc
	endbr64
	movq	%rdi, %rsp		/* switch: from here on the frame is the resumed side's */
	.cfi_def_cfa %rsp, 64
	.cfi_offset %r15, -56
	.cfi_offset %r14, -48
	.cfi_offset %r13, -40
	.cfi_offset %r12, -32
	.cfi_offset %rbx, -24
	.cfi_offset %rbp, -16
	fldcw	(%rsp)
	ldmxcsr	4(%rsp)
	movq	(%rsp), %rax
	movq	%rax, (%rsi)
	POP_FRAME_RET
	.cfi_endproc
	.size	coro__jump, .-coro__jump

/* First code run on a new coroutine's stack: coro__swap "returns" here with
 * r12 = the Coro * and rsp 16-byte aligned (so the call below enters
 * coro__boot with rsp+8 aligned, as at any call). coro__boot runs the entry
 * function and never returns. The return address of this frame is marked
 * undefined so debuggers and unwinders stop here: a backtrace inside a
 * fiber ends with "coro__trampoline". */
	.globl	coro__trampoline
	.hidden	coro__trampoline
	.type	coro__trampoline, @function
	.p2align 4
coro__trampoline:
	.cfi_startproc
	.cfi_undefined %rip
	endbr64
	xorl	%ebp, %ebp
	movq	%r12, %rdi
	call	coro__boot
	ud2				/* coro__boot never returns */
	.cfi_endproc
	.size	coro__trampoline, .-coro__trampoline

/* coro__call_on(stack_top, fn, arg): call fn(arg) with rsp = stack_top
 * (16-byte aligned), then come back to the caller's stack. rbp holds the
 * caller's rsp meanwhile (callee-saved, so fn and any switch away and back
 * keep it), and the CFA is computed from it: backtraces and unwinders walk
 * from the new stack into the old one. */
	.globl	coro__call_on
	.hidden	coro__call_on
	.type	coro__call_on, @function
	.p2align 4
coro__call_on:
	.cfi_startproc
	endbr64
	pushq	%rbp
	.cfi_def_cfa_offset 16
	.cfi_offset %rbp, -16
	movq	%rsp, %rbp
	.cfi_def_cfa_register %rbp
	movq	%rdi, %rsp
	movq	%rdx, %rdi
	call	*%rsi
	movq	%rbp, %rsp
	.cfi_def_cfa_register %rsp
	popq	%rbp
	.cfi_def_cfa_offset 8
	ret
	.cfi_endproc
	.size	coro__call_on, .-coro__call_on

	.section .note.GNU-stack,"",@progbits
