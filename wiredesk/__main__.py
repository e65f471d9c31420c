from wiredesk.cli import main

main()
