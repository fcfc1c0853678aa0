param p string = '''
var y = '${ {a: 