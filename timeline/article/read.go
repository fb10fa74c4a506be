package article

import (
	"errors"
	"fmt"
	"os"
)

// Read reads and parses the article at path.
func Read(path string) (*Article, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return Parse(path, data)
}

// Parse parses data as the article file at path; the extension of path
// chooses the format. TODO(article helper): being implemented now.
func Parse(path string, data []byte) (*Article, error) {
	return nil, errors.New("article.Parse: not implemented yet")
}
