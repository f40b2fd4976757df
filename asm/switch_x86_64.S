/* switch_x86_64.S — GreenScript fiber context switch, System V AMD64.
 *
 *   void coro__swap(void **save_sp, void *new_sp);     (hidden)
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
 * vm/coro.c builds this same frame by hand for a new coroutine with the
 * return address = coro__trampoline, r12 = the Coro *, rbp = 0.
 *
 * All switches go through this one function, called from two places:
 * coro_switch in vm/coro.c (natives, the scheduler) and the interpreter's
 * generator hand-over (coro_switch_inline in vm/coro.h, inlined once into
 * the dispatch loop). A resume/yield pair between script frames switches at
 * the interpreter's site on both stacks, so the `ret` below returns to the
 * call site the return stack buffer predicts.
 *
 * The MXCSR and x87 control words are always saved but only loaded when
 * the new side's control bits differ (loading them costs far more than
 * comparing); MXCSR's status flags are not callee-saved and may carry over.
 *
 * No .note.gnu.property is emitted on purpose: a stack switch like this one
 * is incompatible with the CET shadow stack, so a binary containing it must
 * not be marked SHSTK-compatible.
 */
#if !defined(__x86_64__)
#error "switch_x86_64.S is for x86_64 only"
#endif

	.text

	.globl	coro__swap
	.hidden	coro__swap
	.type	coro__swap, @function
	.p2align 4
coro__swap:
	.cfi_startproc
	endbr64
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
	stmxcsr	4(%rsp)
	fnstcw	(%rsp)

	movq	%rsp, (%rdi)		/* save the old stack pointer */
	movq	%rsp, %rdx
	movq	%rsi, %rsp		/* the new stack has the same frame layout, */
					/* so the CFI above stays valid */
	/* fldcw and ldmxcsr are slow (microcoded, they wait for the FP
	 * pipeline): load them only when the new side's control bits differ
	 * from ours, which is rare. The MXCSR status flags (bits 0-5) are not
	 * callee-saved in the ABI and are ignored in the comparison. */
	movl	4(%rsp), %eax
	xorl	4(%rdx), %eax
	testl	$0xffc0, %eax
	jnz	.Lload_fp_control
	movzwl	(%rsp), %eax
	cmpw	(%rdx), %ax
	jne	.Lload_fp_control
.Lfp_control_done:
	.cfi_remember_state
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
	/* out of line, with the frame as at .Lfp_control_done */
	.cfi_restore_state
.Lload_fp_control:
	fldcw	(%rsp)
	ldmxcsr	4(%rsp)
	jmp	.Lfp_control_done
	.cfi_endproc
	.size	coro__swap, .-coro__swap


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

	.section .note.GNU-stack,"",@progbits
