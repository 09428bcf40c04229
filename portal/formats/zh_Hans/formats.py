# Django's Chinese formats group by 4 with no separator (1700); investment figures are
# written 1,700 in mainland business Chinese.
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
