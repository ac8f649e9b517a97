// Parley's Cypher grammar: the openCypher language (clauses, patterns, expressions) plus
// Parley's schema commands (CREATE/DROP INDEX and CONSTRAINT, SHOW ...) and EXPLAIN/PROFILE.
//
// Written for speed under SLL prediction: no left recursion, expressions as a flat sequence
// of operands and operators (the builder applies precedence), names one rule deep, and
// alternatives ordered so that the few real ambiguities (a list comprehension versus a list
// literal holding an IN predicate, a pattern versus arithmetic on a parenthesised
// expression, a quantifier versus a function call) resolve to the first one. Whitespace and
// comments are skipped by the lexer.
// Keywords are case-insensitive; the AST builder (engine/parser) turns the tree into
// parley::ast and checks literal values (integer overflow, escapes).
grammar Cypher;

// ---------------------------------------------------------------------------------------
// Statements

statement
  : ( EXPLAIN | PROFILE )? ( schemaCommand | query ) ';'? EOF
  ;

query
  : singleQuery unionPart*
  ;

unionPart
  : UNION ALL? singleQuery
  ;

singleQuery
  : clause+
  ;

clause
  : matchClause
  | unwindClause
  | withClause
  | returnClause
  | createClause
  | mergeClause
  | setClause
  | removeClause
  | deleteClause
  | callClause
  ;

// ---------------------------------------------------------------------------------------
// Schema commands

schemaCommand
  : CREATE INDEX ON ':' schemaName '(' schemaName ( ',' schemaName )* ')'    # createIndexOn
  | CREATE INDEX indexName=symbolicName? ( IF NOT EXISTS )?
      FOR '(' variable ':' schemaName ')'
      ON '(' indexProperty ( ',' indexProperty )* ')'                                 # createIndexFor
  | DROP INDEX ON ':' schemaName '(' schemaName ( ',' schemaName )* ')'      # dropIndexOn
  | DROP INDEX symbolicName ( IF EXISTS )?                                             # dropIndexNamed
  | CREATE CONSTRAINT constraintName=symbolicName? ( IF NOT EXISTS )?
      ( FOR | ON ) '(' variable ':' schemaName ')' ( REQUIRE | ASSERT )
      ( indexProperty | '(' indexProperty ( ',' indexProperty )* ')' ) IS UNIQUE          # createConstraint
  | DROP CONSTRAINT symbolicName ( IF EXISTS )?                                        # dropConstraint
  | SHOW ( INDEX | INDEXES )                                                           # showIndexes
  | SHOW ( CONSTRAINT | CONSTRAINTS )                                                  # showConstraints
  | SHOW LABELS                                                                        # showLabels
  | SHOW ( RELATIONSHIP TYPES | TYPES )                                                # showTypes
  | SHOW PROPERTY KEYS                                                                 # showPropertyKeys
  | SHOW PROCEDURES                                                                    # showProcedures
  | SHOW FUNCTIONS                                                                     # showFunctions
  ;

indexProperty
  : variable '.' schemaName
  ;

// ---------------------------------------------------------------------------------------
// Clauses

matchClause
  : OPTIONAL? MATCH pattern whereClause?
  ;

unwindClause
  : UNWIND expression AS variable
  ;

withClause
  : WITH projectionBody whereClause?
  ;

returnClause
  : RETURN projectionBody
  ;

createClause
  : CREATE pattern
  ;

mergeClause
  : MERGE patternPart mergeAction*
  ;

mergeAction
  : ON ( MATCH | CREATE ) SET setItem ( ',' setItem )*
  ;

setClause
  : SET setItem ( ',' setItem )*
  ;

setItem
  : propertyExpression '=' expression   # setProperty
  | variable '=' expression             # setReplace
  | variable '+=' expression            # setMerge
  | variable nodeLabels                 # setLabels
  ;

removeClause
  : REMOVE removeItem ( ',' removeItem )*
  ;

removeItem
  : variable nodeLabels   # removeLabels
  | propertyExpression    # removeProperty
  ;

deleteClause
  : DETACH? DELETE expression ( ',' expression )*
  ;

callClause
  : CALL procedureName ( '(' ( expression ( ',' expression )* )? ')' )? yieldClause?
  ;

yieldClause
  : YIELD ( '*' | yieldItem ( ',' yieldItem )* ) whereClause?
  ;

yieldItem
  : symbolicName ( AS variable )?
  ;

procedureName
  : symbolicName ( '.' symbolicName )*
  ;

whereClause
  : WHERE expression
  ;

projectionBody
  : DISTINCT? projectionItems orderBy? skipPart? limitPart?
  ;

projectionItems
  : '*' ( ',' projectionItem )*
  | projectionItem ( ',' projectionItem )*
  ;

projectionItem
  : expression ( AS variable )?
  ;

orderBy
  : ORDER BY sortItem ( ',' sortItem )*
  ;

sortItem
  : expression ( ASCENDING | ASC | DESCENDING | DESC )?
  ;

skipPart
  : SKIP_ expression
  ;

limitPart
  : LIMIT expression
  ;

propertyExpression
  : atom ( '.' schemaName )+
  ;

// ---------------------------------------------------------------------------------------
// Patterns

pattern
  : patternPart ( ',' patternPart )*
  ;

patternPart
  : ( variable '=' )? anonymousPatternPart
  ;

anonymousPatternPart
  : ( SHORTESTPATH | ALLSHORTESTPATHS ) '(' patternElement ')'
  | patternElement
  ;

patternElement
  : nodePattern patternElementChain*
  | '(' patternElement ')'
  ;

patternElementChain
  : relationshipPattern nodePattern
  ;

nodePattern
  : '(' variable? nodeLabels? properties? ')'
  ;

relationshipPattern
  : leftArrow='<' '-' relationshipDetail? '-' rightArrow='>'?
  | '-' relationshipDetail? '-' rightArrow='>'?
  ;

relationshipDetail
  : '[' variable? relationshipTypes? rangeLiteral? properties? ']'
  ;

properties
  : mapLiteral
  | parameter
  ;

relationshipTypes
  : ':' schemaName ( '|' ':'? schemaName )*
  ;

nodeLabels
  : ( ':' schemaName )+
  ;

// Bounds are checked by the builder: a missing '*' or a negative bound is an
// InvalidRelationshipPattern rather than a bare syntax error.
rangeLiteral
  : '*' lower=rangeBound? ( '..' upper=rangeBound? )?
  | '..' upper=rangeBound?
  ;

rangeBound
  : '-'? integerLiteral
  ;

// A pattern used as an expression: at least one relationship.
relationshipsPattern
  : nodePattern patternElementChain+
  ;

// ---------------------------------------------------------------------------------------
// Expressions
//
// An expression is a flat sequence of operands joined by infix operators (and followed by
// IS [NOT] NULL checks); the AST builder applies openCypher's precedence to it:
//   OR < XOR < AND < NOT < comparisons (chained) < STARTS WITH, ENDS WITH, CONTAINS, IN, =~,
//   IS [NOT] NULL < + - < * / % < ^ < unary + - < postfix (.key, [i], [a..b], :Label).
// A flat tree keeps the parse shallow (a literal is 4 rule levels deep, not 16), which is
// most of the parser's time.

expression
  : operand ( infixOperator operand | nullCheck )*
  ;

infixOperator
  : OR | XOR | AND
  | '=' | '<>' | '<' | '>' | '<=' | '>='
  | STARTS WITH | ENDS WITH | CONTAINS | IN | '=~'
  | '+' | '-' | '*' | '/' | '%' | '^'
  ;

nullCheck
  : IS NOT? NULL_
  ;

operand
  : NOT* ( '+' | '-' )* postfixExpression
  ;

postfixExpression
  : atom postfix* nodeLabels?
  ;

postfix
  : '.' schemaName                                # propertyLookup
  | '[' expression ']'                                  # indexLookup
  | '[' from=expression? '..' to=expression? ']'       # sliceLookup
  ;

atom
  : HexInteger
  | OctalInteger
  | DecimalInteger
  | FloatLiteral
  | InvalidNumberLiteral
  | StringLiteral
  | TRUE_
  | FALSE_
  | NULL_
  | parameter
  | listComprehension
  | patternComprehension
  | listLiteral
  | mapLiteral
  | caseExpression
  | countStar
  | quantifier
  | reduceExpression
  | existsExpression
  | relationshipsPattern
  | '(' expression ')'
  | mapProjection
  | functionInvocation
  | variable
  ;

countStar
  : COUNT '(' '*' ')'
  ;

caseExpression
  : CASE subject=expression? caseAlternative+ ( ELSE elseExpr=expression )? END
  ;

caseAlternative
  : WHEN expression THEN expression
  ;

listComprehension
  : '[' variable IN expression ( WHERE where=expression )? ( '|' projection=expression )? ']'
  ;

patternComprehension
  : '[' ( variable '=' )? relationshipsPattern ( WHERE where=expression )?
    '|' projection=expression ']'
  ;

quantifier
  : ( ALL | ANY | NONE | SINGLE ) '(' variable IN expression ( WHERE expression )? ')'
  ;

reduceExpression
  : REDUCE '(' accumulator=variable '=' init=expression ','
    element=variable IN list=expression '|' body=expression ')'
  ;

existsExpression
  : EXISTS '{' ( singleQuery unionPart* | pattern whereClause? ) '}'
  ;

functionInvocation
  : functionName '(' DISTINCT? ( expression ( ',' expression )* )? ')'
  ;

functionName
  : ( symbolicName '.' )* ( symbolicName | EXISTS )
  ;

mapProjection
  : variable '{' ( mapProjectionItem ( ',' mapProjectionItem )* )? '}'
  ;

mapProjectionItem
  : '.' schemaName            # projectProperty
  | '.' '*'                        # projectAllProperties
  | schemaName ':' expression # projectLiteral
  | variable                       # projectVariable
  ;

// ---------------------------------------------------------------------------------------
// Literals and names

integerLiteral
  : HexInteger
  | OctalInteger
  | DecimalInteger
  ;

listLiteral
  : '[' ( expression ( ',' expression )* )? ']'
  ;

mapLiteral
  : '{' ( schemaName ':' expression ( ',' schemaName ':' expression )* )? '}'
  ;

parameter
  : '$' ( schemaName | DecimalInteger )
  ;

variable
  : symbolicName
  ;




// Words usable as variables and function names: identifiers and the non-reserved keywords.
// Names of labels, types and keys may be any word, reserved or not (one rule, not
// symbolicName | reservedWord, to keep names one level deep in the tree).
schemaName
  : UnescapedSymbolicName
  | EscapedSymbolicName
  | COUNT | ANY | NONE | SINGLE | REDUCE | EXPLAIN | PROFILE | FOR | IF | INDEX | INDEXES
  | SHOW | LABELS | TYPES | KEYS | PROCEDURES | FUNCTIONS | RELATIONSHIP | PROPERTY
  | SHORTESTPATH | ALLSHORTESTPATHS | DROP | CONSTRAINT | CONSTRAINTS | REQUIRE | ASSERT
  | UNIQUE
  | ALL | AND | AS | ASC | ASCENDING | BY | CALL | CASE | CONTAINS | CREATE | DELETE | DESC
  | DESCENDING | DETACH | DISTINCT | ELSE | END | ENDS | EXISTS | FALSE_ | IN | IS | LIMIT
  | MATCH | MERGE | NOT | NULL_ | ON | OPTIONAL | OR | ORDER | REMOVE | RETURN | SET | SKIP_
  | STARTS | THEN | TRUE_ | UNION | UNWIND | WHEN | WHERE | WITH | XOR | YIELD
  ;

symbolicName
  : UnescapedSymbolicName
  | EscapedSymbolicName
  | COUNT | ANY | NONE | SINGLE | REDUCE | EXPLAIN | PROFILE | FOR | IF | INDEX | INDEXES
  | SHOW | LABELS | TYPES | KEYS | PROCEDURES | FUNCTIONS | RELATIONSHIP | PROPERTY
  | SHORTESTPATH | ALLSHORTESTPATHS | DROP | CONSTRAINT | CONSTRAINTS | REQUIRE | ASSERT
  | UNIQUE
  ;

// ---------------------------------------------------------------------------------------
// Lexer

ALL : A L L ;
ALLSHORTESTPATHS : A L L S H O R T E S T P A T H S ;
AND : A N D ;
ANY : A N Y ;
AS : A S ;
ASC : A S C ;
ASCENDING : A S C E N D I N G ;
ASSERT : A S S E R T ;
BY : B Y ;
CALL : C A L L ;
CASE : C A S E ;
CONSTRAINT : C O N S T R A I N T ;
CONSTRAINTS : C O N S T R A I N T S ;
CONTAINS : C O N T A I N S ;
COUNT : C O U N T ;
CREATE : C R E A T E ;
DELETE : D E L E T E ;
DESC : D E S C ;
DESCENDING : D E S C E N D I N G ;
DETACH : D E T A C H ;
DISTINCT : D I S T I N C T ;
DROP : D R O P ;
ELSE : E L S E ;
END : E N D ;
ENDS : E N D S ;
EXISTS : E X I S T S ;
EXPLAIN : E X P L A I N ;
FALSE_ : F A L S E ;
FOR : F O R ;
FUNCTIONS : F U N C T I O N S ;
IF : I F ;
IN : I N ;
INDEX : I N D E X ;
INDEXES : I N D E X E S ;
IS : I S ;
KEYS : K E Y S ;
LABELS : L A B E L S ;
LIMIT : L I M I T ;
MATCH : M A T C H ;
MERGE : M E R G E ;
NONE : N O N E ;
NOT : N O T ;
NULL_ : N U L L ;
ON : O N ;
OPTIONAL : O P T I O N A L ;
OR : O R ;
ORDER : O R D E R ;
PROCEDURES : P R O C E D U R E S ;
PROFILE : P R O F I L E ;
PROPERTY : P R O P E R T Y ;
REDUCE : R E D U C E ;
RELATIONSHIP : R E L A T I O N S H I P ;
REMOVE : R E M O V E ;
REQUIRE : R E Q U I R E ;
RETURN : R E T U R N ;
SET : S E T ;
SHORTESTPATH : S H O R T E S T P A T H ;
SHOW : S H O W ;
SINGLE : S I N G L E ;
SKIP_ : S K I P ;
STARTS : S T A R T S ;
THEN : T H E N ;
TRUE_ : T R U E ;
TYPES : T Y P E S ;
UNION : U N I O N ;
UNIQUE : U N I Q U E ;
UNWIND : U N W I N D ;
WHEN : W H E N ;
WHERE : W H E R E ;
WITH : W I T H ;
XOR : X O R ;
YIELD : Y I E L D ;

HexInteger : '0' [xX] [0-9a-fA-F]+ ;
OctalInteger : '0' [oO] [0-7]+ ;
DecimalInteger : [0-9]+ ;
FloatLiteral
  : [0-9]* '.' [0-9]+ ( [eE] [+-]? [0-9]+ )?
  | [0-9]+ [eE] [+-]? [0-9]+
  ;
// A number run into letters (9223372h54775808): one token, so the builder can name it.
InvalidNumberLiteral : [0-9] [0-9]* ( '.' [0-9]+ )? [a-zA-Z_] [0-9a-zA-Z_]* ;

StringLiteral
  : '"' ( ~["\\] | '\\' . )* '"'
  | '\'' ( ~['\\] | '\\' . )* '\''
  ;

EscapedSymbolicName : ( '`' ~[`]* '`' )+ ;
UnescapedSymbolicName : IdentifierStart IdentifierPart* ;

fragment IdentifierStart : [\p{ID_Start}] | [\p{Pc}] ;
fragment IdentifierPart : [\p{ID_Continue}] | [\p{Sc}] ;

SP : [ \t\r\n\u000B\u000C\u001C-\u001F\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+
     -> skip ;
LINE_COMMENT : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
// A comment that runs to the end of the text; the parser reports it by name.
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF ;

SEMI : ';' ;
COMMA : ',' ;
DOT : '.' ;
DOTDOT : '..' ;
COLON : ':' ;
PIPE : '|' ;
DOLLAR : '$' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
LBRACE : '{' ;
RBRACE : '}' ;
EQ : '=' ;
NE : '<>' ;
LT : '<' ;
GT : '>' ;
LE : '<=' ;
GE : '>=' ;
REGEX : '=~' ;
PLUS_EQ : '+=' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;
CARET : '^' ;

fragment A : [aA] ;
fragment B : [bB] ;
fragment C : [cC] ;
fragment D : [dD] ;
fragment E : [eE] ;
fragment F : [fF] ;
fragment G : [gG] ;
fragment H : [hH] ;
fragment I : [iI] ;
fragment J : [jJ] ;
fragment K : [kK] ;
fragment L : [lL] ;
fragment M : [mM] ;
fragment N : [nN] ;
fragment O : [oO] ;
fragment P : [pP] ;
fragment Q : [qQ] ;
fragment R : [rR] ;
fragment S : [sS] ;
fragment T : [tT] ;
fragment U : [uU] ;
fragment V : [vV] ;
fragment W : [wW] ;
fragment X : [xX] ;
fragment Y : [yY] ;
fragment Z : [zZ] ;
