# The commands a facilitator or developer needs; dev.py does the work (and runs on Windows too).
PYTHON ?= python3

.PHONY: run test package

run:
	$(PYTHON) dev.py run

test:
	$(PYTHON) dev.py test

package:
	$(PYTHON) dev.py package
