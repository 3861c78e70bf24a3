//! Debug information: compile-unit language and producer, source
//! locations with inlined-at chains, subprogram names, and DI types
//! flattened into [`crate::ir::DiType`].
//!
//! Operand indices follow `llvm/IR/DebugInfoMetadata.h` of LLVM 22:
//! DIScope/DIType: 0 file, 1 scope, 2 name; DIType: 3 size, 4 offset,
//! 5 base type (derived, composite) or type array (subroutine), 6 elements
//! (composite); DISubprogram: 3 linkage name, 4 type, 5 unit;
//! DIVariable: 0 scope, 1 name, 2 file, 3 type, 5 linkage name (global);
//! DICompileUnit: 0 file, 1 producer; DISubrange: 0 count.

use inkwell::llvm_sys as sys;
use sys::debuginfo::*;
use sys::prelude::*;

use super::ffi::{self, lossy, md_kind, md_operand, md_string_operand, mdk};
use super::{demangle_rust, Lowerer};
use crate::ir::{
    DebugLoc, DiMember, DiType, DiTypeKind, Language, LocId, Qualifier, StrId, TypeId,
};

const DW_TAG_ARRAY: u16 = 0x01;
const DW_TAG_CLASS: u16 = 0x02;
const DW_TAG_ENUMERATION: u16 = 0x04;
const DW_TAG_MEMBER: u16 = 0x0d;
const DW_TAG_POINTER: u16 = 0x0f;
const DW_TAG_REFERENCE: u16 = 0x10;
const DW_TAG_STRUCTURE: u16 = 0x13;
const DW_TAG_TYPEDEF: u16 = 0x16;
const DW_TAG_UNION: u16 = 0x17;
const DW_TAG_INHERITANCE: u16 = 0x1c;
const DW_TAG_CONST: u16 = 0x26;
const DW_TAG_VOLATILE: u16 = 0x35;
const DW_TAG_RESTRICT: u16 = 0x37;
const DW_TAG_RVALUE_REFERENCE: u16 = 0x42;
const DW_TAG_ATOMIC: u16 = 0x47;
const DW_TAG_VARIANT_PART: u16 = 0x33;
/// `DIFlagStaticMember`: a member that occupies no bytes in the object.
const DI_FLAG_STATIC_MEMBER: i32 = 1 << 12;

/// Guards walks up scope chains and nested structures against malformed,
/// cyclic metadata.
const MAX_CHAIN: usize = 1024;

impl Lowerer {
    /// Producer and module-level language fallback, from the compile units
    /// (`llvm.dbg.cu`), `llvm.ident` and the source file name.
    pub(super) unsafe fn lower_module_identity(&mut self) {
        let units = ffi::named_metadata(self.module, c"llvm.dbg.cu");
        let mut producer: Option<String> = None;
        let mut languages = Vec::new();
        for &cu in &units {
            if md_kind(cu) != Some(mdk::LLVMDICompileUnitMetadataKind) {
                continue;
            }
            if producer.is_none() {
                producer = md_string_operand(self.ctx, cu, 1).map(|p| lossy(p).into_owned());
            }
            languages.push(self.unit_language(cu));
        }
        if producer.is_none() {
            for ident in ffi::named_metadata(self.module, c"llvm.ident") {
                if let Some(s) = md_string_operand(self.ctx, ident, 0) {
                    producer = Some(lossy(s).into_owned());
                    break;
                }
            }
        }
        let producer = producer.unwrap_or_default();
        self.out.producer = self.out.strings.intern(&producer);
        languages.retain(|l| *l != Language::Unknown);
        languages.dedup();
        self.module_language = match languages.as_slice() {
            [one] => *one,
            [] => {
                let source = self.out.str(self.out.source_file).to_string();
                language_from_producer(&producer)
                    .or_else(|| language_from_file(&source))
                    .unwrap_or(Language::Unknown)
            }
            // Several languages (an LTO-linked module): no module-wide answer.
            _ => Language::Unknown,
        };
    }

    /// Language of a compile unit: its `language:` field, else its producer,
    /// else its file name.
    pub(super) unsafe fn unit_language(&mut self, cu: LLVMMetadataRef) -> Language {
        if let Some(&l) = self.unit_languages.get(&cu) {
            return l;
        }
        let mut language = unit_source_language(self.ctx, cu);
        if language == Language::Unknown {
            let producer = md_string_operand(self.ctx, cu, 1)
                .map(|p| lossy(p).into_owned())
                .unwrap_or_default();
            language = language_from_producer(&producer).unwrap_or(Language::Unknown);
        }
        if language == Language::Unknown {
            if let Some(file) = md_operand(self.ctx, cu, 0) {
                let name = md_string_operand(self.ctx, file, 0)
                    .map(|n| lossy(n).into_owned())
                    .unwrap_or_default();
                language = language_from_file(&name).unwrap_or(Language::Unknown);
            }
        }
        self.unit_languages.insert(cu, language);
        language
    }

    /// Language of the compile unit owning a subprogram.
    pub(super) unsafe fn subprogram_language(&mut self, sp: LLVMMetadataRef) -> Language {
        if md_kind(sp) != Some(mdk::LLVMDISubprogramMetadataKind) {
            return Language::Unknown;
        }
        match md_operand(self.ctx, sp, 5) {
            Some(cu) if md_kind(cu) == Some(mdk::LLVMDICompileUnitMetadataKind) => {
                self.unit_language(cu)
            }
            _ => Language::Unknown,
        }
    }

    /// Name the analysis knows a subprogram by: the demangled linkage name
    /// (without hash) for Rust, else the DI `name`.
    pub(super) unsafe fn subprogram_name(&mut self, sp: LLVMMetadataRef) -> Option<StrId> {
        if let Some(&n) = self.subprogram_names.get(&sp) {
            return n;
        }
        let demangled = md_string_operand(self.ctx, sp, 3).and_then(|l| demangle_rust(&lossy(l)));
        let name = match demangled {
            Some(d) => Some(self.out.strings.intern(&d)),
            None => md_string_operand(self.ctx, sp, 2).map(|n| self.out.strings.intern(&lossy(n))),
        };
        self.subprogram_names.insert(sp, name);
        name
    }

    /// Name of the subprogram enclosing a scope (lexical blocks walked up).
    unsafe fn scope_name(&mut self, scope: LLVMMetadataRef) -> Option<StrId> {
        if let Some(&n) = self.scope_names.get(&scope) {
            return n;
        }
        let mut current = scope;
        let mut name = None;
        for _ in 0..MAX_CHAIN {
            match md_kind(current) {
                Some(mdk::LLVMDISubprogramMetadataKind) => {
                    name = self.subprogram_name(current);
                    break;
                }
                Some(
                    mdk::LLVMDILexicalBlockMetadataKind | mdk::LLVMDILexicalBlockFileMetadataKind,
                ) => match md_operand(self.ctx, current, 1) {
                    Some(parent) => current = parent,
                    None => break,
                },
                _ => break,
            }
        }
        self.scope_names.insert(scope, name);
        name
    }

    /// Interned path of a DIFile: `directory/filename` for relative names.
    unsafe fn file_name(&mut self, file: LLVMMetadataRef) -> StrId {
        if let Some(&id) = self.files.get(&file) {
            return id;
        }
        let id = if md_kind(file) == Some(mdk::LLVMDIFileMetadataKind) {
            let mut len = 0u32;
            let name = ffi::slice(LLVMDIFileGetFilename(file, &mut len), len as usize);
            let mut dlen = 0u32;
            let dir = ffi::slice(LLVMDIFileGetDirectory(file, &mut dlen), dlen as usize);
            let name = lossy(name);
            if dir.is_empty() || name.starts_with('/') || name.is_empty() {
                self.out.strings.intern(&name)
            } else {
                let dir = lossy(dir);
                self.out
                    .strings
                    .intern(&format!("{}/{}", dir.trim_end_matches('/'), name))
            }
        } else {
            0
        };
        self.files.insert(file, id);
        id
    }

    /// File of a scope-like node (subprogram, lexical block, type, CU).
    unsafe fn scope_file(&mut self, scope: LLVMMetadataRef) -> StrId {
        match md_kind(scope) {
            Some(
                mdk::LLVMDISubprogramMetadataKind
                | mdk::LLVMDILexicalBlockMetadataKind
                | mdk::LLVMDILexicalBlockFileMetadataKind
                | mdk::LLVMDICompileUnitMetadataKind
                | mdk::LLVMDICompositeTypeMetadataKind
                | mdk::LLVMDINamespaceMetadataKind,
            ) => {
                let file = LLVMDIScopeGetFile(scope);
                if file.is_null() {
                    0
                } else {
                    self.file_name(file)
                }
            }
            Some(mdk::LLVMDIFileMetadataKind) => self.file_name(scope),
            _ => 0,
        }
    }

    /// Interns a location, deduplicated by value.
    pub(super) fn intern_location(&mut self, loc: DebugLoc) -> LocId {
        if let Some(&id) = self.loc_by_value.get(&loc) {
            return id;
        }
        let id = self.out.locations.len() as LocId;
        self.out.locations.push(loc.clone());
        self.loc_by_value.insert(loc, id);
        id
    }

    /// Lowers a DILocation with its inlined-at chain.
    pub(super) unsafe fn location(&mut self, md: LLVMMetadataRef) -> Option<LocId> {
        if md_kind(md) != Some(mdk::LLVMDILocationMetadataKind) {
            return None;
        }
        if let Some(&id) = self.loc_by_md.get(&md) {
            return Some(id);
        }
        // Collect the uncached part of the chain, then build outermost first
        // so that every `inlined_at` is already interned (no recursion).
        let mut chain = vec![md];
        let mut known: Option<LocId> = None;
        while chain.len() < MAX_CHAIN {
            let Some(&last) = chain.last() else { break };
            let next = LLVMDILocationGetInlinedAt(last);
            if md_kind(next) != Some(mdk::LLVMDILocationMetadataKind) {
                break;
            }
            if let Some(&id) = self.loc_by_md.get(&next) {
                known = Some(id);
                break;
            }
            chain.push(next);
        }
        let mut inlined_at = known;
        for &l in chain.iter().rev() {
            let scope = LLVMDILocationGetScope(l);
            let loc = DebugLoc {
                file: if scope.is_null() {
                    0
                } else {
                    self.scope_file(scope)
                },
                line: LLVMDILocationGetLine(l),
                col: LLVMDILocationGetColumn(l),
                scope: if scope.is_null() {
                    None
                } else {
                    self.scope_name(scope)
                },
                inlined_at,
            };
            let id = self.intern_location(loc);
            self.loc_by_md.insert(l, id);
            inlined_at = Some(id);
        }
        inlined_at
    }

    /// Where a subprogram is declared (file and line; no scope).
    pub(super) unsafe fn subprogram_location(&mut self, sp: LLVMMetadataRef) -> Option<LocId> {
        if md_kind(sp) != Some(mdk::LLVMDISubprogramMetadataKind) {
            return None;
        }
        let loc = DebugLoc {
            file: self.scope_file(sp),
            line: LLVMDISubprogramGetLine(sp),
            col: 0,
            scope: None,
            inlined_at: None,
        };
        Some(self.intern_location(loc))
    }

    /// Name, type and declaration place of a DIVariable (local or global).
    /// Globals use the demangled linkage name for Rust, like subprograms.
    pub(super) unsafe fn variable_info(
        &mut self,
        var: LLVMMetadataRef,
    ) -> Option<(Option<StrId>, Option<TypeId>, Option<LocId>)> {
        let kind = md_kind(var)?;
        if !matches!(
            kind,
            mdk::LLVMDILocalVariableMetadataKind | mdk::LLVMDIGlobalVariableMetadataKind
        ) {
            return None;
        }
        let demangled = if kind == mdk::LLVMDIGlobalVariableMetadataKind {
            md_string_operand(self.ctx, var, 5).and_then(|l| demangle_rust(&lossy(l)))
        } else {
            None
        };
        let name = match demangled {
            Some(d) => Some(self.out.strings.intern(&d)),
            None => md_string_operand(self.ctx, var, 1).map(|n| self.out.strings.intern(&lossy(n))),
        };
        let ty = md_operand(self.ctx, var, 3).and_then(|t| self.di_type(t));
        let file = md_operand(self.ctx, var, 2)
            .map(|f| self.file_name(f))
            .unwrap_or(0);
        let line = LLVMDIVariableGetLine(var);
        // Compiler-made variables (vtables) have no place in the source.
        let loc = (line != 0).then(|| {
            self.intern_location(DebugLoc {
                file,
                line,
                col: 0,
                scope: None,
                inlined_at: None,
            })
        });
        Some((name, ty, loc))
    }

    /// The function type of a subprogram, when it has one.
    pub(super) unsafe fn subprogram_type(
        &mut self,
        sp: LLVMMetadataRef,
    ) -> Option<LLVMMetadataRef> {
        let ty = md_operand(self.ctx, sp, 4)?;
        (md_kind(ty) == Some(mdk::LLVMDISubroutineTypeMetadataKind)).then_some(ty)
    }

    /// Parameter types of a subprogram (element 0 of the type array is the
    /// return type and is skipped); `None` entries for unknown ones.
    pub(super) unsafe fn subprogram_param_types(
        &mut self,
        sp: LLVMMetadataRef,
    ) -> Vec<Option<TypeId>> {
        let Some(ty) = self.subprogram_type(sp) else {
            return Vec::new();
        };
        let mut types = self.subroutine_types(ty);
        if !types.is_empty() {
            types.remove(0);
        }
        types
    }

    /// The type array of a `DISubroutineType`: result, then parameters.
    unsafe fn subroutine_types(&mut self, ty: LLVMMetadataRef) -> Vec<Option<TypeId>> {
        let Some(array) = md_operand(self.ctx, ty, 5) else {
            return Vec::new();
        };
        let n = ffi::md_num_operands(self.ctx, array);
        (0..n)
            .map(|i| md_operand(self.ctx, array, i).and_then(|t| self.di_type(t)))
            .collect()
    }

    /// `md` when it is a pointer type, or an alias (typedef, qualifier) of
    /// one.
    pub(super) unsafe fn pointer_type(&self, md: LLVMMetadataRef) -> Option<LLVMMetadataRef> {
        let mut cur = md;
        for _ in 0..8 {
            if md_kind(cur)? != mdk::LLVMDIDerivedTypeMetadataKind {
                return None;
            }
            match ffi::di_tag(cur) {
                DW_TAG_POINTER => return Some(md),
                DW_TAG_TYPEDEF | DW_TAG_CONST | DW_TAG_VOLATILE | DW_TAG_RESTRICT => {
                    cur = md_operand(self.ctx, cur, 5)?
                }
                _ => return None,
            }
        }
        None
    }

    /// The constant byte offset a `DIExpression` adds to its value:
    /// `DW_OP_constu N, DW_OP_minus` (what `container_of` leaves), `DW_OP_plus_uconst N`,
    /// `DW_OP_constu N, DW_OP_plus`, or nothing; `None` for anything else.
    /// The C API has no getter for the elements, so the expression is
    /// printed (once: expressions are uniqued).
    pub(super) unsafe fn expression_offset(&mut self, expr: LLVMMetadataRef) -> Option<i64> {
        if expr.is_null() {
            return Some(0);
        }
        if let Some(&known) = self.expression_offsets.get(&expr) {
            return known;
        }
        let v = sys::core::LLVMMetadataAsValue(self.ctx, expr);
        let text = if v.is_null() {
            std::ptr::null_mut()
        } else {
            sys::core::LLVMPrintValueToString(v)
        };
        let offset = if text.is_null() {
            None
        } else {
            let printed = ffi::lossy(ffi::cstr_bytes(text)).into_owned();
            sys::core::LLVMDisposeMessage(text);
            parse_expression_offset(&printed)
        };
        self.expression_offsets.insert(expr, offset);
        offset
    }

    /// Id of a DI type; the type itself is filled in by [`Self::finish_types`].
    pub(super) unsafe fn di_type(&mut self, md: LLVMMetadataRef) -> Option<TypeId> {
        let kind = md_kind(md)?;
        if !ffi::is_type_kind(kind) {
            return None;
        }
        if let Some(&id) = self.types.get(&md) {
            return Some(id);
        }
        let id = self.out.types.len() as TypeId;
        self.out.types.push(DiType {
            kind: DiTypeKind::Other,
            name: None,
            size: 0,
        });
        self.types.insert(md, id);
        self.type_queue.push((md, id));
        Some(id)
    }

    /// Fills every queued type. Filling may queue the types it refers to;
    /// ids are assigned before filling, so cycles (a struct holding a
    /// pointer to itself) terminate without recursion.
    pub(super) unsafe fn finish_types(&mut self) {
        while let Some((md, id)) = self.type_queue.pop() {
            let ty = self.flatten_type(md);
            self.out.types[id as usize] = ty;
        }
        // Typedefs and qualifiers carry no size of their own in DWARF.
        for i in 0..self.out.types.len() {
            if self.out.types[i].size != 0 {
                continue;
            }
            let mut current = i;
            for _ in 0..MAX_CHAIN {
                match self.out.types[current].kind {
                    DiTypeKind::Alias { base: Some(b), .. } => current = b as usize,
                    _ => break,
                }
            }
            self.out.types[i].size = self.out.types[current].size;
        }
    }

    unsafe fn flatten_type(&mut self, md: LLVMMetadataRef) -> DiType {
        let name = md_string_operand(self.ctx, md, 2).map(|n| self.out.strings.intern(&lossy(n)));
        let size = LLVMDITypeGetSizeInBits(md) / 8;
        let tag = ffi::di_tag(md);
        let base = |this: &mut Self| md_operand(this.ctx, md, 5).and_then(|b| this.di_type(b));
        let kind = match md_kind(md) {
            Some(mdk::LLVMDIBasicTypeMetadataKind) => DiTypeKind::Basic,
            Some(mdk::LLVMDIDerivedTypeMetadataKind) => match tag {
                DW_TAG_POINTER | DW_TAG_REFERENCE | DW_TAG_RVALUE_REFERENCE => {
                    DiTypeKind::Pointer {
                        pointee: base(self),
                    }
                }
                DW_TAG_TYPEDEF | DW_TAG_CONST | DW_TAG_VOLATILE | DW_TAG_ATOMIC
                | DW_TAG_RESTRICT => DiTypeKind::Alias {
                    base: base(self),
                    qualifier: match tag {
                        DW_TAG_CONST => Qualifier::Const,
                        DW_TAG_VOLATILE => Qualifier::Volatile,
                        _ => Qualifier::None,
                    },
                },
                _ => DiTypeKind::Other,
            },
            Some(mdk::LLVMDICompositeTypeMetadataKind) => match tag {
                DW_TAG_STRUCTURE | DW_TAG_CLASS => DiTypeKind::Struct {
                    members: self.members(md),
                },
                DW_TAG_UNION => DiTypeKind::Union {
                    members: self.members(md),
                },
                DW_TAG_ARRAY => DiTypeKind::Array {
                    element: base(self),
                    count: self.array_count(md),
                },
                DW_TAG_ENUMERATION => DiTypeKind::Basic,
                // The variants of a Rust enum overlay each other like a union.
                DW_TAG_VARIANT_PART => DiTypeKind::Union {
                    members: self.members(md),
                },
                _ => DiTypeKind::Other,
            },
            Some(mdk::LLVMDISubroutineTypeMetadataKind) => DiTypeKind::Subroutine {
                types: self.subroutine_types(md),
            },
            _ => DiTypeKind::Other,
        };
        DiType { kind, name, size }
    }

    /// Data members of a composite, with byte offsets. Bit-fields get the
    /// offset of the byte holding their first bit.
    unsafe fn members(&mut self, composite: LLVMMetadataRef) -> Vec<DiMember> {
        let Some(elements) = md_operand(self.ctx, composite, 6) else {
            return Vec::new();
        };
        let n = ffi::md_num_operands(self.ctx, elements);
        let mut members = Vec::with_capacity(n as usize);
        for i in 0..n {
            let Some(e) = md_operand(self.ctx, elements, i) else {
                continue;
            };
            if md_kind(e) == Some(mdk::LLVMDICompositeTypeMetadataKind)
                && ffi::di_tag(e) == DW_TAG_VARIANT_PART
            {
                // A Rust enum: one unnamed member holding the variants.
                let ty = self.di_type(e);
                members.push(DiMember {
                    name: None,
                    offset: LLVMDITypeGetOffsetInBits(e) / 8,
                    size: LLVMDITypeGetSizeInBits(e) / 8,
                    ty,
                });
                continue;
            }
            if md_kind(e) != Some(mdk::LLVMDIDerivedTypeMetadataKind) {
                continue; // methods, template parameters
            }
            let tag = ffi::di_tag(e);
            if tag != DW_TAG_MEMBER && tag != DW_TAG_INHERITANCE {
                continue;
            }
            if LLVMDITypeGetFlags(e) & DI_FLAG_STATIC_MEMBER != 0 {
                continue;
            }
            let name =
                md_string_operand(self.ctx, e, 2).map(|n| self.out.strings.intern(&lossy(n)));
            let ty = md_operand(self.ctx, e, 5).and_then(|b| self.di_type(b));
            members.push(DiMember {
                name,
                offset: LLVMDITypeGetOffsetInBits(e) / 8,
                size: LLVMDITypeGetSizeInBits(e) / 8,
                ty,
            });
        }
        members
    }

    /// Element count of an array type: the product of its constant
    /// subranges; `None` when any is unknown (flexible array members).
    unsafe fn array_count(&mut self, array: LLVMMetadataRef) -> Option<u64> {
        let elements = md_operand(self.ctx, array, 6)?;
        let n = ffi::md_num_operands(self.ctx, elements);
        let mut count: u64 = 1;
        for i in 0..n {
            let range = md_operand(self.ctx, elements, i)?;
            if md_kind(range) != Some(mdk::LLVMDISubrangeMetadataKind) {
                return None;
            }
            let c = ffi::md_const_operand(self.ctx, range, 0).and_then(|v| ffi::const_int(v))?;
            count = count.checked_mul(u64::try_from(c).ok()?)?;
        }
        (n > 0).then_some(count)
    }
}

/// The DWARF language recorded in a compile unit. The C API has no getter
/// for it, so the unit is printed (one short line per unit) and the
/// `language:`/`sourceLanguageName:` field read back.
unsafe fn unit_source_language(ctx: LLVMContextRef, cu: LLVMMetadataRef) -> Language {
    let v = sys::core::LLVMMetadataAsValue(ctx, cu);
    if v.is_null() {
        return Language::Unknown;
    }
    let text = sys::core::LLVMPrintValueToString(v);
    if text.is_null() {
        return Language::Unknown;
    }
    let printed = ffi::lossy(ffi::cstr_bytes(text)).into_owned();
    sys::core::LLVMDisposeMessage(text);
    language_from_dwarf_name(&printed)
}

/// Maps the first `DW_LANG_*`/`DW_LNAME_*` name in `text` to a language.
pub(super) fn language_from_dwarf_name(text: &str) -> Language {
    for marker in ["language: DW_LANG_", "sourceLanguageName: DW_LNAME_"] {
        if let Some(pos) = text.find(marker) {
            let rest = &text[pos + marker.len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            return match name.as_str() {
                "Rust" => Language::Rust,
                "C" | "C89" | "C99" | "C11" | "C17" => Language::C,
                _ => Language::Unknown,
            };
        }
    }
    Language::Unknown
}

pub(super) fn language_from_producer(producer: &str) -> Option<Language> {
    if producer.contains("rustc") {
        Some(Language::Rust)
    } else if producer.contains("clang") || producer.contains("GNU C") {
        Some(Language::C)
    } else {
        None
    }
}

pub(super) fn language_from_file(name: &str) -> Option<Language> {
    if name.ends_with(".rs") {
        Some(Language::Rust)
    } else if name.ends_with(".c") || name.ends_with(".h") || name.ends_with(".i") {
        Some(Language::C)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dwarf_language_names() {
        let c =
            "distinct !DICompileUnit(language: DW_LANG_C11, file: !3, producer: \"DW_LANG_Rust\")";
        assert_eq!(language_from_dwarf_name(c), Language::C);
        assert_eq!(
            language_from_dwarf_name("!DICompileUnit(language: DW_LANG_Rust, file: !1)"),
            Language::Rust
        );
        assert_eq!(
            language_from_dwarf_name("!DICompileUnit(sourceLanguageName: DW_LNAME_Rust)"),
            Language::Rust
        );
        assert_eq!(
            language_from_dwarf_name("!DICompileUnit(language: DW_LANG_C_plus_plus_14)"),
            Language::Unknown
        );
        assert_eq!(language_from_dwarf_name("metadata !2"), Language::Unknown);
    }

    #[test]
    fn producers_and_files() {
        assert_eq!(
            language_from_producer("clang LLVM (rustc version 1.95.0)"),
            Some(Language::Rust)
        );
        assert_eq!(
            language_from_producer("Debian clang version 22.1.8"),
            Some(Language::C)
        );
        assert_eq!(language_from_producer(""), None);
        assert_eq!(
            language_from_file("drivers/gpu/nova/nova.rs"),
            Some(Language::Rust)
        );
        assert_eq!(language_from_file("kernel/sched/core.c"), Some(Language::C));
        assert_eq!(language_from_file("demo.cgu.0"), None);
    }
}

/// See [`Lowerer::expression_offset`]: `!DIExpression(DW_OP_constu, 16,
/// DW_OP_minus, DW_OP_stack_value)` is -16.
fn parse_expression_offset(printed: &str) -> Option<i64> {
    let inner = printed
        .trim()
        .strip_prefix("!DIExpression(")?
        .strip_suffix(')')?;
    let ops: Vec<&str> = inner
        .split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty() && *x != "DW_OP_stack_value")
        .collect();
    let n = |s: &str| s.parse::<i64>().ok();
    match ops.as_slice() {
        [] => Some(0),
        ["DW_OP_plus_uconst", k] => n(k),
        ["DW_OP_constu", k, "DW_OP_minus"] => n(k).map(|k| -k),
        ["DW_OP_constu", k, "DW_OP_plus"] => n(k),
        _ => None,
    }
}

#[cfg(test)]
mod expression_tests {
    use super::parse_expression_offset;

    #[test]
    fn container_of_offsets() {
        assert_eq!(parse_expression_offset("!DIExpression()"), Some(0));
        assert_eq!(
            parse_expression_offset(
                "!DIExpression(DW_OP_constu, 16, DW_OP_minus, DW_OP_stack_value)"
            ),
            Some(-16)
        );
        assert_eq!(
            parse_expression_offset("!DIExpression(DW_OP_plus_uconst, 8)"),
            Some(8)
        );
        assert_eq!(parse_expression_offset("!DIExpression(DW_OP_deref)"), None);
        assert_eq!(
            parse_expression_offset("!DIExpression(DW_OP_LLVM_fragment, 0, 32)"),
            None
        );
    }
}
