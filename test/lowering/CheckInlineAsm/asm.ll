; RUN: %not %opt -load-pass-plugin %cuport-plugin -passes=cuport-check-inline-asm -disable-output %s 2>&1 | %FileCheck %s
; CHECK: k.cu:7:3: inline PTX assembly is not supported by cuport ("membar.gl;" in 'k')
target triple = "spirv64-unknown-unknown"

define spir_kernel void @k() !dbg !5 {
  call void asm sideeffect "membar.gl;", ""(), !dbg !8
  ret void
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3, !4}
!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !1, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "k.cu", directory: "/src")
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !{i32 7, !"Dwarf Version", i32 4}
!5 = distinct !DISubprogram(name: "k", scope: !1, file: !1, line: 5, type: !6, unit: !0, spFlags: DISPFlagDefinition)
!6 = !DISubroutineType(types: !7)
!7 = !{}
!8 = !DILocation(line: 7, column: 3, scope: !5)
