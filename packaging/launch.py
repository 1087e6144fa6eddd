"""The bundled app's entry point: the same ``main`` as the installed ``partnerworkshop`` command."""

import sys

from partnerworkshop.app import main

sys.exit(main())
