// claimctl: the command-line client of the claims service pair.
#include <iostream>

#include "cli/claimctl.h"

int main(int argc, char** argv) {
  return claims::cli::RunClaimctl(argc, argv, std::cin, std::cout, std::cerr);
}
