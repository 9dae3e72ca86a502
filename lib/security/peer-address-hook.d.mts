// Types for peer-address-hook.mjs: it exports nothing; importing it installs the hook.
export {};
