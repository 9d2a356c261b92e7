// Intentionally empty: CICU only carries ICU's link flags (pkg-config icu-uc icu-i18n).
// ICU's own headers must not reach Swift (they clash with Foundation's copy on Linux);
// Swift talks to ICU through the KoeICU C facade.
