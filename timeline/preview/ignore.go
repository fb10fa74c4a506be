package preview

import (
	"path/filepath"
	"strings"
)

// Ignored reports whether a change to the file or folder called name (a
// base name) can matter to a build. Hidden names (".git", ".DS_Store",
// ".#lock" files, the output folder's temporary siblings) never do, nor
// do the temporary and backup files editors write beside the file they
// save.
func Ignored(name string) bool {
	switch {
	case name == "", strings.HasPrefix(name, "."):
		return true // hidden, and also emacs's .#name locks
	case strings.HasSuffix(name, "~"):
		return true // backups: emacs, vim, gedit
	case len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true // emacs auto-save
	case name == "4913":
		return true // vim's test whether it may write in the folder
	case strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"):
		return true // JetBrains' safe write
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".swp", ".swo", ".swn", ".swx":
		return true // vim swap files
	}
	return false
}
